"""Printing in the app: the preview window, sending PDF pages to a printer, the page actions."""
