"""Job postings (岗位): their lifecycle and moderation, bulk import from spreadsheets, expiry."""
