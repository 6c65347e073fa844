/** Custom replica: a hand-built portal the heuristics miss (see page.ts); a site profile maps it. */
import { findSaved } from '../shared/storage';
import { seed } from '../shared/seed';
import { resolveRoute } from '../shared/states';
import { mountCustomPortal } from './page';
import './custom.css';

const app = document.getElementById('app')!;
const route = resolveRoute(window.location.search, seed);
if (route.kind === 'project') {
  // A seed project reopens as last saved, like on a server (same rule as the other replicas).
  const saved = route.fromSeed ? findSaved(window.localStorage, route.project.key) : null;
  const { portal: _portal, savedAt: _savedAt, submitted: _submitted, ...project } = saved ?? { ...route.project, portal: 'custom', savedAt: '', submitted: false };
  mountCustomPortal(app, project, window.localStorage);
} else {
  const list = document.createElement('div');
  list.className = 'cp-page';
  const notice = route.notice ? `<p class="cp-message bad">${route.notice.replace(/[<&]/g, '')}</p>` : '';
  list.innerHTML = `<h1 class="cp-title">项目绩效 · 自建系统</h1>${notice}<ul class="cp-list"></ul>`;
  const ul = list.querySelector('ul')!;
  const links: Array<[string, string]> = [['?state=blank', '空白项目 (state=blank)'], ...seed.projects.map((p, i): [string, string] => [`?project=${i}`, p.name])];
  for (const [href, name] of links) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = href;
    a.textContent = name;
    li.append(a);
    ul.append(li);
  }
  app.append(list);
}
