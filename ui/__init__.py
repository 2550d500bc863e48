"""The web app's tabs: one module per tab, plus the step renderer and UI strings."""
