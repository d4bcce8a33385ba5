// The v3 route map at a glance: each resource registers its own routes.
import type { App, SurfaceOptions } from '../../app.ts'

export async function v3Routes(app: App, options: SurfaceOptions): Promise<void> {
  void app
  void options
}
