/*
 * Telehealth portal: the intake form syncs as the patient types, the clinician's dashboard shows
 * the patient's position for home visits, and the session resumes after a reload.
 *
 * Corpus for js/ws-sensitive-send: health data, geolocation and storage tokens, through a
 * constructor function with prototype methods, helpers and stored callbacks.
 */

function IntakeSync(url) {
  this.socket = new WebSocket(url);
  this.pending = [];
  var self = this;
  this.socket.onopen = function () {
    self.pending.forEach(function (fn) {
      fn();
    });
  };
}

// Non-sensitive progress events only.
IntakeSync.prototype.progress = function (step, total) {
  // safe: js/ws-sensitive-send
  this.socket.send(JSON.stringify({ type: 'progress', step: step, total: total }));
};

// Called with PHI by the form code below.
IntakeSync.prototype.field = function (name, value) {
  // expect: js/ws-sensitive-send
  this.socket.send(JSON.stringify({ type: 'field', name: name, value: value }));
};

IntakeSync.prototype.whenOpen = function (fn) {
  this.pending.push(fn);
};

var intake = new IntakeSync('wss://portal.careconnect.example-corp.net/intake');
var intakeForm = document.forms.intake;

intakeForm.addEventListener('change', function () {
  var diagnosis = intakeForm.elements.diagnosis.value;
  intake.field('diagnosis', diagnosis);
  intake.progress(3, 7);
});

var portalSocket = new WebSocket('wss://portal.careconnect.example-corp.net/live');

// Stored callback that runs once the socket is open.
intake.whenOpen(function () {
  var dateOfBirth = intakeForm.elements.dob.value;
  // expect: js/ws-sensitive-send
  portalSocket.send(JSON.stringify({ type: 'identify', dateOfBirth: dateOfBirth, ssn: intakeForm.elements.ssn.value }));
});

document.getElementById('save-notes').addEventListener('click', function () {
  var patientNotes = document.getElementById('notes').value;
  // expect: js/ws-sensitive-send
  portalSocket.send(patientNotes);
});

function renewPrescription(prescription) {
  // expect: js/ws-sensitive-send
  portalSocket.send(JSON.stringify({ type: 'renew', prescription: prescription }));
}

document.getElementById('renew').addEventListener('click', function () {
  renewPrescription({ drug: intakeForm.elements.drug.value, dose: intakeForm.elements.dose.value });
});

// Home visits: the live position of the patient goes to the clinician.
navigator.geolocation.watchPosition(function (pos) {
  // expect: js/ws-sensitive-send
  portalSocket.send(JSON.stringify({ type: 'eta', lat: pos.coords.latitude, lng: pos.coords.longitude }));
  // Only the accuracy figure: not a location.
  // safe: js/ws-sensitive-send
  portalSocket.send(JSON.stringify({ type: 'gps-quality', accuracy: pos.coords.accuracy }));
});

// A helper that receives the socket (argument -> sink).
function shareLocation(sock) {
  navigator.geolocation.getCurrentPosition(function (p) {
    var where = [p.coords.latitude, p.coords.longitude].join(',');
    // expect: js/ws-sensitive-send
    sock.send(where);
  });
}
shareLocation(portalSocket);

portalSocket.onopen = function () {
  // Resuming the session after a reload with the token kept in sessionStorage.
  // expect: js/ws-sensitive-send
  portalSocket.send(JSON.stringify({ type: 'resume', session: sessionStorage.getItem('sessionToken') }));

  // UI preferences from storage are not secrets.
  var prefs = localStorage.getItem('uiPrefs');
  // safe: js/ws-sensitive-send
  portalSocket.send(JSON.stringify({ type: 'prefs', prefs: prefs, theme: localStorage.theme }));

  // Appointment slots are not health data.
  // safe: js/ws-sensitive-send
  portalSocket.send(JSON.stringify({ type: 'slot', clinicId: 'c-12', appointmentTime: '2025-03-04T10:30' }));

  // The timezone is needed for scheduling.
  // safe: js/ws-sensitive-send
  portalSocket.send(JSON.stringify({ type: 'tz', tz: Intl.DateTimeFormat().resolvedOptions().timeZone }));
};
