import { render } from 'preact';
import '../ui/theme.css';
import './survey.css';
import { SurveyApp } from './app.js';

render(<SurveyApp />, document.getElementById('app') as HTMLElement);
