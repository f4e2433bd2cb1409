"""Staff directory: the store, imports, search, referral and presence. Imports no Qt."""
