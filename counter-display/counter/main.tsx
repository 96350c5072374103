import { render } from 'preact';
import '../../ui/theme.css';
import './console.css';
import { ConsoleApp } from './app.js';

render(<ConsoleApp />, document.getElementById('app') as HTMLElement);
