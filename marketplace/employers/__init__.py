"""Employers (用人单位), the bureau's cooperation stations, and the wage-arrears blacklist."""
