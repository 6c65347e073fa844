import { renderOptions } from '@/components/options/mount';

void renderOptions(document);
