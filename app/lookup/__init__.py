"""Finding people: search, detail, status, referrals, favourites, busy lamps, sync and calendars."""
