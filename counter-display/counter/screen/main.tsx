import { render } from 'preact';
import '../../../ui/theme.css';
import '../../shared/wall-screen.css';
import './counter-screen.css';
import { CounterScreenApp } from './app.js';

render(<CounterScreenApp />, document.getElementById('app') as HTMLElement);
