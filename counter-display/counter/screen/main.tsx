import { render } from 'preact';
import '../../../ui/theme.css';

render(<div>Bàn làm việc cán bộ</div>, document.getElementById('app') as HTMLElement);
