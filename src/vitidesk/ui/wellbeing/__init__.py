"""The Wellbeing section."""
