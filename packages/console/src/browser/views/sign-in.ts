import { api, setCsrfToken } from "../api.js";
import { ApiError } from "../api-error.js";
import { h, replace } from "../dom.js";

/** What a successful sign-in answers. */
export interface SignedIn {
  identifier: string;
  csrf_token: string;
}

/**
 * The sign-in form: labelled identifier and secret fields and a "Sign in" button. The
 * pre-session CSRF token comes from `GET /console/session`; `onSignedIn` gets the session.
 * Never throws (a refusal is shown in the form).
 */
export function signInView(
  container: HTMLElement,
  loginToken: string,
  onSignedIn: (session: SignedIn) => void,
): void {
  const identifier = h("input", {
    attrs: { id: "identifier", name: "identifier", autocomplete: "username", required: "" },
  });
  const secret = h("input", {
    attrs: {
      id: "secret",
      name: "secret",
      type: "password",
      autocomplete: "current-password",
      required: "",
    },
  });
  const message = h("p", { attrs: { class: "problem", role: "alert" } });
  const button = h("button", { attrs: { type: "submit" } }, "Sign in");
  const form = h(
    "form",
    {
      attrs: { class: "sign-in", method: "post", action: "/console/session" },
      on: {
        submit: (event) => {
          event.preventDefault();
          button.disabled = true;
          replace(message);
          fetchSession(loginToken, identifier.value, secret.value)
            .then(onSignedIn)
            .catch((error: unknown) => {
              secret.value = "";
              const refused = error instanceof ApiError && error.status === 401;
              replace(
                message,
                refused
                  ? "Sign-in refused: unknown identifier or wrong secret."
                  : `Sign-in failed: ${(error as Error).message}`,
              );
            })
            .finally(() => {
              button.disabled = false;
            });
        },
      },
    },
    h("h1", {}, "spoor console"),
    h("label", { attrs: { for: "identifier" } }, "Identifier"),
    identifier,
    h("label", { attrs: { for: "secret" } }, "Secret"),
    secret,
    button,
    message,
    h("p", { attrs: { class: "hint" } }, "Sign in with an analyst credential."),
  );
  replace(container, form);
  identifier.focus();
}

function fetchSession(token: string, identifier: string, secret: string) {
  setCsrfToken(token);
  return api<SignedIn>("POST", "/console/session", { identifier, secret });
}
