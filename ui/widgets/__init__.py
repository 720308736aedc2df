"""Small reusable widgets: password fields, busy bar, message helpers."""
