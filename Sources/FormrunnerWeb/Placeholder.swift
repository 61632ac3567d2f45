// The web portal.
