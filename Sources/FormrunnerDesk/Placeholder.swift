// The composition root.
