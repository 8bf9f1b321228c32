// Tells a .NET component when the tab is hidden or shown, so dashboards stop polling in background tabs.
export function observe(dotNetRef) {
  const handler = () => dotNetRef.invokeMethodAsync("OnVisibilityChanged", document.visibilityState === "visible");
  document.addEventListener("visibilitychange", handler);
  return {
    isVisible: () => document.visibilityState === "visible",
    dispose: () => document.removeEventListener("visibilitychange", handler),
  };
}
