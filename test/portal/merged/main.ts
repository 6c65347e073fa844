/**
 * Merged-cell replica: Vue 3 + vxe-table 4 (the Vue 3 line of the grid 博思/Bosssoft portals build on)
 * with vxe-pc-ui's editors, and Element Plus for the form, tabs, buttons and messages.
 */
import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import { createApp } from 'vue';
import VxeUIBase from 'vxe-pc-ui';
import 'vxe-pc-ui/es/style.css';
import VxeUITable from 'vxe-table';
import 'vxe-table/es/style.css';
import { seed } from '../shared/seed';
import { resolveRoute } from '../shared/states';
import App from './app.vue';
import '../element/element.css';
import './merged.css';

createApp(App, { seed, route: resolveRoute(window.location.search, seed) })
  .use(ElementPlus, { locale: zhCn })
  .use(VxeUIBase)
  .use(VxeUITable)
  .mount('#app');
