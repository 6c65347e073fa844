import { renderSidePanel } from '@/components/sidepanel/mount';

void renderSidePanel(document);
