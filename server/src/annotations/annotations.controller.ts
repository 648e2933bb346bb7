import { Controller, Delete, Get, HttpCode, Patch, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createAnnotationRequest, updateAnnotationRequest, type Annotation, type CreateAnnotationRequest, type UpdateAnnotationRequest, type UpdateAnnotationResponse } from '@hopso/shared';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { UuidParam, ZodBody } from '../common/zod';
import { AnnotationsService } from './annotations.service';

@ApiTags('annotations')
@Controller()
export class AnnotationsController {
  constructor(private readonly annotations: AnnotationsService) {}

  @Get('documents/:id/annotations')
  listMine(@CurrentUser() caller: AuthUser, @UuidParam('id') documentId: string): Promise<Annotation[]> {
    return this.annotations.listMine(caller, documentId);
  }

  /** 201 when created, 200 when this client id was already stored (a retry). */
  @Post('documents/:id/annotations')
  async create(
    @CurrentUser() caller: AuthUser,
    @UuidParam('id') documentId: string,
    @ZodBody(createAnnotationRequest) body: CreateAnnotationRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Annotation> {
    const { annotation, created } = await this.annotations.create(caller, documentId, body);
    res.status(created ? 201 : 200);
    return annotation;
  }

  @Patch('annotations/:id')
  update(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @ZodBody(updateAnnotationRequest) body: UpdateAnnotationRequest): Promise<UpdateAnnotationResponse> {
    return this.annotations.update(caller, id, body);
  }

  @Delete('annotations/:id')
  @HttpCode(204)
  remove(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string): Promise<void> {
    return this.annotations.remove(caller, id);
  }
}
