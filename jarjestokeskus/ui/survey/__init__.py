"""The welfare survey: who has answered, the forms out and back, the appendix."""
