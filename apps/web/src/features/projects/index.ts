export { ProjectsPage } from './projects-page.js';
