"""PDF documents made with reportlab, one module per report; no Qt."""
