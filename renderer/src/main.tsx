import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { DirtyFormsProvider } from './app/DirtyForms';
import './styles/app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DirtyFormsProvider>
      <App />
    </DirtyFormsProvider>
  </StrictMode>,
);
