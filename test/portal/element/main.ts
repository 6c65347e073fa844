/** Modern replica: Vue 3 + Element Plus, as the newer provincial portals are built. */
import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import { createApp } from 'vue';
import { seed } from '../shared/seed';
import { resolveRoute } from '../shared/states';
import App from './app.vue';
import './element.css';

createApp(App, { seed, route: resolveRoute(window.location.search, seed) })
  .use(ElementPlus, { locale: zhCn })
  .mount('#app');
