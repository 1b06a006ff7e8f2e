"""Demo content (the "Annual Report 2013" edition) and the synthetic archive generator."""
