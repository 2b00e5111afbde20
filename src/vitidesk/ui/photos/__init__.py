"""The Photos section."""
