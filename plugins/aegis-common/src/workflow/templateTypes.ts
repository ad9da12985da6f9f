import type { TestSeverity } from './testTypes';

/**
 * A reusable description of a security test; tests created from it start
 * with its fields.
 *
 * @public
 */
export interface TestTemplate {
  id: string;
  name: string;
  description: string;
  techniques: string[];
  platform: string;
  severity: TestSeverity;
  procedure: string;
  tools: string[];
  expectedDetection: string;
  tags: string[];
  /** Deactivated templates are kept for the tests made from them. */
  active: boolean;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** @public */
export interface TestTemplatePage {
  items: TestTemplate[];
  total: number;
}

/** @public */
export interface ListTemplatesQuery {
  /** Admins may list deactivated templates with `all`. */
  status?: 'active' | 'inactive' | 'all';
  technique?: string;
  search?: string;
  limit?: number;
  offset?: number;
}

/** @public */
export interface CreateTemplateRequest {
  name: string;
  description?: string;
  techniques: string[];
  platform: string;
  severity: TestSeverity;
  procedure?: string;
  tools?: string[];
  expectedDetection?: string;
  tags?: string[];
}

/**
 * A change of a template, including (de)activation; `version` is the
 * version the caller read.
 *
 * @public
 */
export type UpdateTemplateRequest = Partial<CreateTemplateRequest> & {
  active?: boolean;
  version: number;
};

/**
 * What a test made from a template adds or overrides.
 *
 * @public
 */
export interface CreateTestFromTemplateRequest {
  title?: string;
  platform?: string;
  targets?: string[];
  severity?: TestSeverity;
  blind?: boolean;
}

/**
 * How a template is used: tests made from it and how they ended.
 *
 * @public
 */
export interface TemplateStats {
  templateId: string;
  name: string;
  active: boolean;
  tests: number;
  validated: number;
  rejected: number;
  inProgress: number;
  lastUsedAt?: string;
}
