import { render } from 'preact';
import '../../ui/theme.css';
import '../shared/wall-screen.css';
import './display.css';
import { DisplayApp } from './app.js';

render(<DisplayApp />, document.getElementById('app') as HTMLElement);
