"""Package layout for setuptools (the rest of the metadata is in pyproject.toml).

`resources/` stays at the top of the repository but travels in the wheel as the package data of
`reviewdesk._resources`; reviewdesk/resources.py finds it there, in a checkout or in a frozen bundle.
pyproject.toml cannot map an extra package beside an automatic package search, hence this file.
"""

from setuptools import find_namespace_packages, setup

setup(
    packages=[*find_namespace_packages(include=["reviewdesk*", "ui*"]), "reviewdesk._resources"],
    package_dir={"reviewdesk._resources": "resources"},
    package_data={
        "reviewdesk._resources": ["**/*"],
        "reviewdesk.store": ["migrations/*.py", "migrations/*.mako", "migrations/versions/*.py"],
    },
    exclude_package_data={"reviewdesk._resources": ["translations/*.ts"]},
)
