from reviewdesk.cli.main import main

raise SystemExit(main())
