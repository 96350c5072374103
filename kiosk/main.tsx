import { render } from 'preact';
import '../ui/theme.css';
import './kiosk.css';
import { KioskApp } from './app.js';

render(<KioskApp />, document.getElementById('app') as HTMLElement);
