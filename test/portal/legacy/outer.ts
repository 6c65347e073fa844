/**
 * Outer page of the legacy replica (/legacy/): a menu frame and a main frame, like FASP-era systems.
 * The route options (`?project=`, `?state=`, `?rows=`, `?rerender=`) are handed to the main frame.
 */
import './legacy.css';

const main = document.getElementById('mainFrame') as HTMLIFrameElement;
main.src = `content.html${window.location.search}`;
