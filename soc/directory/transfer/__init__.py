"""Import and export of the directory as HSDS 3.0: JSON documents, tabular JSON and the CSV package."""
