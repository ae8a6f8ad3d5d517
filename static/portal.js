// The example portal's script: mounts the second widget with mount(), logs every widget event,
// and drives both widgets from the portal's own search box.
import { mount } from './rc-device-manager.js';

const EVENTS = ['rcdm:loaded', 'rcdm:device-logged-out', 'rcdm:error', 'rcdm:signed-out'];
const log = document.getElementById('event-log');
const left = document.getElementById('left');
const rightHost = document.getElementById('right');

for (const host of [left, rightHost]) {
  for (const name of EVENTS) {
    host.addEventListener(name, (e) => {
      const item = document.createElement('li');
      item.textContent = `${host.id}: ${name} ${JSON.stringify(e.detail)}`;
      log.append(item);
    });
  }
}

const right = await mount(rightHost, { pageSize: 50, theme: 'dark' });

document.getElementById('portal-search').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = document.getElementById('portal-search-text').value;
  left.setFilter(text);
  right.setFilter(text);
});

// The portal's own handle on the right widget (the left one is the element itself).
window.portalWidgets = { left, right };
