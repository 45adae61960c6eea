import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { askForLibrary } from './app/use-library';
import './app/theme.css';
import './ui/ui.css';
import './app/app.css';
import './library/library.css';
import './labels/labels.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The library's first answers are on their way while React draws the frame around them.
askForLibrary();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
