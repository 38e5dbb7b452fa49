// The core journeys in Debian's Firefox ESR (headless, puppeteer-core over WebDriver BiDi).
import { coreJourneys } from './journeys.mjs';

coreJourneys('firefox');
