/**
 * AG Grid Community modules, registered explicitly (only what the app uses keeps the bundle small).
 * Community only: no Enterprise module may appear here.
 */
import {
  CellStyleModule,
  ColumnApiModule,
  DragAndDropModule,
  RenderApiModule,
  TooltipModule,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  RowApiModule,
  RowSelectionModule,
  ScrollApiModule,
  ValidationModule,
  type Module,
} from 'ag-grid-community';

export function registerAgGrid(): void {
  const modules: Module[] = [InfiniteRowModelModule, RowSelectionModule, RowApiModule, ScrollApiModule, ColumnApiModule, LocaleModule, CellStyleModule, DragAndDropModule, RenderApiModule, TooltipModule];
  // Validation explains misconfiguration in the console while developing; production skips its weight.
  if (import.meta.env.DEV) modules.push(ValidationModule);
  ModuleRegistry.registerModules(modules);
}
