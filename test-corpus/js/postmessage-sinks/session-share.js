/*
 * Shares the signed-in session with the help frame: postMessage's options-object form
 * ({ targetOrigin: '*' }) sends to any origin like the string form.
 */
var helpFrame = document.getElementById('help-frame');
var sessionToken = localStorage.getItem('session_secret');

// expect: js/postmessage-wildcard-target
helpFrame.contentWindow.postMessage({ type: 'session', token: sessionToken }, { targetOrigin: '*' });

// safe: js/postmessage-wildcard-target
helpFrame.contentWindow.postMessage({ type: 'session', token: sessionToken }, { targetOrigin: 'https://help.example-corp.net' });

// safe: js/postmessage-wildcard-target
helpFrame.contentWindow.postMessage({ type: 'ready' }, { targetOrigin: '*' });
