"""Small widgets shared by every section."""
