export default defineBackground(() => {
  // Listeners are registered by the router (later).
});
