/**
 * Set when someone logs out, cleared at the next login. While set, <RequireAuth> sends people to a
 * plain /login instead of /login?next=<the page they left>: the next user of a shared device
 * should not land on the previous user's page.
 */
let loggedOut = false;

export const logoutMarker = {
  mark(): void {
    loggedOut = true;
  },
  clear(): void {
    loggedOut = false;
  },
  isSet(): boolean {
    return loggedOut;
  },
};
