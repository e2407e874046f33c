"""The data of `make bench` at national scale (`fill_bench`), by topic; written with
bulk_create, so a whole alliance takes seconds."""
