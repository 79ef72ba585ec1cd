"""Start the web app: ``python ui.py [--host 127.0.0.1] [--port 7860]`` (the app is ``qa.app.ui``)."""
from qa.app.ui import main

raise SystemExit(main())
