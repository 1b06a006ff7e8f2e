/* Passkeys in the admin: add one (#passkey-add) and sign in with one (#passkey-sign-in).
 *
 * The server sends WebAuthn options as JSON with binary fields in base64url; the browser's API
 * wants ArrayBuffers and returns them. This file converts both ways and posts the result back.
 * Errors are shown in the form's alert line; nothing is changed on the server until it checks
 * the signature.
 */
(function () {
  "use strict";

  function toBuffer(base64url) {
    var base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) base64 += "=";
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function withBuffers(descriptors) {
    return (descriptors || []).map(function (d) {
      return Object.assign({}, d, { id: toBuffer(d.id) });
    });
  }

  function post(form, url, body) {
    var token = form.querySelector("[name=csrfmiddlewaretoken]").value;
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token },
      body: JSON.stringify(body || {}),
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) throw new Error(data.error || "The server could not be reached. Try again.");
        return data;
      });
    });
  }

  function explain(error) {
    if (error && error.name === "NotAllowedError") return "The passkey request was cancelled or timed out. Try again.";
    if (error && error.name === "InvalidStateError") return "This device already holds a passkey for your account.";
    return (error && error.message) || "Something went wrong. Try again.";
  }

  function wire(form, ceremony) {
    if (!form) return;
    var alert = form.querySelector(".passkey-error");
    var button = form.querySelector("button[type=submit]");
    if (!window.PublicKeyCredential) {
      alert.textContent = "This browser cannot use passkeys.";
      alert.hidden = false;
      button.disabled = true;
      return;
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      alert.hidden = true;
      button.disabled = true;
      post(form, form.dataset.optionsUrl)
        .then(function (options) { return ceremony(form, options); })
        .then(function (result) { window.location.assign(result.redirect); })
        .catch(function (error) {
          alert.textContent = explain(error);
          alert.hidden = false;
          button.disabled = false;
        });
    });
  }

  function serialise(credential, response) {
    return {
      id: credential.id,
      rawId: toBase64url(credential.rawId),
      type: credential.type,
      response: response,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
    };
  }

  function add(form, options) {
    options.challenge = toBuffer(options.challenge);
    options.user.id = toBuffer(options.user.id);
    options.excludeCredentials = withBuffers(options.excludeCredentials);
    return navigator.credentials.create({ publicKey: options }).then(function (credential) {
      var response = credential.response;
      return post(form, form.dataset.submitUrl, {
        name: form.querySelector("[name=name]").value,
        credential: serialise(credential, {
          clientDataJSON: toBase64url(response.clientDataJSON),
          attestationObject: toBase64url(response.attestationObject),
          transports: response.getTransports ? response.getTransports() : [],
        }),
      });
    });
  }

  function signIn(form, options) {
    options.challenge = toBuffer(options.challenge);
    options.allowCredentials = withBuffers(options.allowCredentials);
    return navigator.credentials.get({ publicKey: options }).then(function (credential) {
      var response = credential.response;
      return post(form, form.dataset.submitUrl, {
        credential: serialise(credential, {
          clientDataJSON: toBase64url(response.clientDataJSON),
          authenticatorData: toBase64url(response.authenticatorData),
          signature: toBase64url(response.signature),
          userHandle: response.userHandle ? toBase64url(response.userHandle) : null,
        }),
      });
    });
  }

  wire(document.getElementById("passkey-add"), add);
  wire(document.getElementById("passkey-sign-in"), signIn);
})();
