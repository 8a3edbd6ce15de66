"""Exchange with the world outside the database: files other programs and offices read and write.

`catalog_xlsx` trades the disclosure catalog with Excel/WPS in the national standard-catalog layout;
the township package format (write, verify, read) lives beside it.
"""
