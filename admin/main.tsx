import { render } from 'preact';
import '../ui/theme.css';
import './admin.css';
import { AdminApp } from './app.js';

render(<AdminApp />, document.getElementById('app') as HTMLElement);
