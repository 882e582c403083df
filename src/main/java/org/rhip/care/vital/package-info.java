/**
 * 生命统计 — vital statistics kernels: the abridged life table (Chiang) and the WHO probability of
 * premature death from the four major NCDs (30q70). Pure computations over counts the indicator SQL
 * supplies; no database.
 */
package org.rhip.care.vital;
