import { api, setCsrfToken } from "./api.js";
import { ApiError } from "./api-error.js";
import { h, link, replace } from "./dom.js";
import { parseRoute } from "./route.js";
import { alertDetailView } from "./views/alert-detail.js";
import { alertQueueView } from "./views/alert-queue.js";
import { hostsView } from "./views/hosts-view.js";
import { mailboxView } from "./views/mailbox-view.js";
import { type SignedIn, signInView } from "./views/sign-in.js";

/** `GET /console/session`: the session, or the pre-session token for the sign-in form. */
interface SessionAnswer {
  signed_in: boolean;
  identifier?: string;
  csrf_token: string;
}

const POLL_MS = 5000;
const root = document.getElementById("app")!;
let stopView: (() => void) | undefined;

function showProblem(area: HTMLElement, error: unknown): void {
  if (error instanceof ApiError && error.status === 401) {
    start().catch(() => undefined);
    return;
  }
  replace(area, h("p", { attrs: { class: "problem", role: "alert" } }, (error as Error).message));
}

function render(session: SignedIn): void {
  stopView?.();
  stopView = undefined;
  const main = h("main", { attrs: { id: "view" } });
  const problems = h("div", { attrs: { class: "problems" } });
  const onError = (error: unknown) => showProblem(problems, error);
  const signOut = h(
    "button",
    {
      attrs: { type: "button", class: "sign-out" },
      on: {
        click: () => {
          api("DELETE", "/console/session")
            .catch(() => undefined)
            .finally(() => start().catch(() => undefined));
        },
      },
    },
    "Sign out",
  );
  replace(
    root,
    h(
      "header",
      {},
      h("span", { attrs: { class: "brand" } }, "spoor"),
      h("nav", {}, link("/alerts", "Alerts"), link("/hosts", "Hosts")),
      h("span", { attrs: { class: "who" } }, session.identifier),
      signOut,
    ),
    problems,
    main,
  );
  const route = parseRoute(location.hash);
  if (route.view === "alerts") {
    stopView = alertQueueView(main, route.filters, { pollMs: POLL_MS, onError });
  } else if (route.view === "alert") alertDetailView(main, route.id, onError);
  else if (route.view === "mailbox") mailboxView(main, route.address, onError);
  else hostsView(main, onError);
}

let current: SignedIn | undefined;

async function start(): Promise<void> {
  stopView?.();
  stopView = undefined;
  current = undefined;
  const session = await api<SessionAnswer>("GET", "/console/session");
  if (session.signed_in && session.identifier) {
    setCsrfToken(session.csrf_token);
    current = { identifier: session.identifier, csrf_token: session.csrf_token };
    render(current);
    return;
  }
  signInView(root, session.csrf_token, (signedIn) => {
    setCsrfToken(signedIn.csrf_token);
    current = signedIn;
    render(signedIn);
  });
}

window.addEventListener("hashchange", () => {
  if (current) render(current);
});
start().catch((error: unknown) => showProblem(root, error));
