// The core journeys in Debian's WebKitGTK (MiniBrowser under Xvfb, WebKitWebDriver and
// selenium-webdriver): Safari's engine family.
import { coreJourneys } from './journeys.mjs';

coreJourneys('webkit');
