// Port 4002. Filled in by issue 3.
